// Member Enquiries: when a Camunda Form is not complete (a required field empty, a value too long),
// form-js marks the fields in the browser and Tasklist's notification says only "An error happened
// while submitting the task form", with no reason. This adds the reason to that notification: each
// field that needs attention, by its label, with form-js's message for it. (A rule the server refuses
// already comes with its own message: engine.WebappEngineApi.) Loaded by Tasklist's config.js.
const fieldProblems = () =>
  [...document.querySelectorAll('.fjs-form .fjs-form-field.fjs-has-errors')].map((field) => {
    const label = field.querySelector('.fjs-form-field-label');
    const name = label ? label.textContent.replace(/\*\s*$/, '').trim() : '';
    const errors = [...field.querySelectorAll('.fjs-form-field-error')].map((error) => error.textContent.trim());
    return (name ? '"' + name + '": ' : '') + errors.join(' ');
  });

const explain = (alert) => {
  const message = alert.querySelector('.message');
  if (!message || message.textContent.trim() !== '' || alert.dataset.explained) {
    return;
  }
  const problems = fieldProblems();
  if (problems.length > 0) {
    alert.dataset.explained = 'true';
    message.textContent = 'Check ' + (problems.length === 1 ? 'this field' : 'these fields') + ': '
      + problems.join('; ');
  }
};

new MutationObserver(() => {
  document.querySelectorAll('.notifications .alert-danger').forEach(explain);
}).observe(document.documentElement, {childList: true, subtree: true});
