// Member Enquiries: dates in UK order. A Camunda Form's date picker (form-js) writes and reads dates in
// the order of the browser's language, which it asks for as Intl.DateTimeFormat('default'); a council PC
// set to English (US) would show 12/07/2026 for 7 December and read a typed 07/12/2026 as 12 July. No
// form setting chooses the order, so here 'default' means English (UK): dd/mm/yyyy. Only callers that
// ask for 'default' by name are affected. Loaded by Tasklist's config.js.
const BrowserDateTimeFormat = Intl.DateTimeFormat;
function UkDateTimeFormat(locales, options) {
  return new BrowserDateTimeFormat(locales === 'default' ? 'en-GB' : locales, options);
}
UkDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
UkDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);
Intl.DateTimeFormat = UkDateTimeFormat;
