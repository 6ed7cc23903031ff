// Member Enquiries: a queue opens with the most urgent task first (due date, earliest first), as the
// queues' filters are saved (tasklist.TaskQueues). Tasklist itself sorts by creation date unless the
// address says otherwise, so this says otherwise when the officer has not chosen a sorting. Loaded by
// Tasklist's config.js.
const mostUrgentFirst = () => {
  const hash = window.location.hash || '#/';
  if (hash.startsWith('#/login') || hash.includes('sorting=')) {
    return;
  }
  const sorting = encodeURIComponent(JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}]));
  window.location.replace(hash + (hash.includes('?') ? '&' : '?') + 'sorting=' + sorting);
};
window.addEventListener('hashchange', mostUrgentFirst);
mostUrgentFirst();
