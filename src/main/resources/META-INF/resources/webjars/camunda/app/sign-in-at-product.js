// Member Enquiries: staff sign in and out on the product's own page, /login, where sign-ins are
// throttled; the webapps' own login endpoint is refused. So when a webapp would show its login form
// and the session is indeed over (after its "Log out", which ends the whole session, or when the
// session has expired), the browser goes to the product's sign-in page instead. Loaded by each
// webapp's config.js.
const toProductSignIn = async () => {
  if (!window.location.hash.startsWith('#/login')) {
    return;
  }
  const session = await fetch('/camunda/api/admin/auth/user/default', {redirect: 'manual', credentials: 'same-origin'});
  if (!session.ok) {
    window.location.replace('/login?logout');
  }
};
window.addEventListener('hashchange', toProductSignIn);
toProductSignIn();
