// Member Enquiries' configuration of Tasklist (replaces the webjar's default config.js).
export default {
  // Staff sign in and out on the product's own page (see ../../sign-in-at-product.js).
  // Form-js's reasons for not submitting a form named in Tasklist's notification (form-errors.js);
  // date pickers in UK order whatever the browser's language (uk-date-order.js).
  customScripts: ['../sign-in-at-product', 'most-urgent-first', 'form-errors', 'uk-date-order'],

  // Tasklist's default keyboard shortcuts, kept.
  shortcuts: {
    claimTask: {key: 'ctrl+alt+c', description: 'claims the currently selected task'},
    focusFilter: {key: 'ctrl+shift+f', description: 'set the focus to the first filter in the list'},
    focusList: {key: 'ctrl+alt+l', description: 'sets the focus to the first task in the list'},
    focusForm: {key: 'ctrl+alt+f', description: 'sets the focus to the first input field in a task form'},
    startProcess: {key: 'ctrl+alt+p', description: 'opens the start process modal dialog'}
  }
};
