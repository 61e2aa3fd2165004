// form-js, which draws the Camunda Forms in Tasklist, speaks English whatever the language of the page: the messages
// of its own checks (required, minimum, maximum, length, pattern, e-mail, phone), a few words of its own ("Select")
// and its date picker's calendar. This script puts them in Norwegian as they appear (ADR 7). It changes only the text of
// form-js's error messages, never a value, and the server checks the same rules again with its own Norwegian
// messages; the calendar gets Norwegian month and day names and weeks from Monday through the date picker's own
// setting.
//
// Dates are written the Norwegian way (29.11.2026, 06.12.2026, placeholder dd.mm.åååå) whatever the browser's language. form-js
// takes the format of its date fields from the browser's own locale (Intl.DateTimeFormat with no locale), so an
// English browser would show and read 11/29/2026, and 01/12/2026 typed for the 1st of December would be the 12th of
// January. Asked for no locale, Intl.DateTimeFormat answers in Norwegian on Tasklist's page; a locale asked for by
// name is kept.
import { afterEachChange } from './likemann-panel.js';

const BrowserDateTimeFormat = Intl.DateTimeFormat;

// Asked with no options either, the day and the month get two digits (06.12.2026, as the placeholder dd.mm.åååå
// says and as the rest of the application writes dates): form-js builds its date fields' format from these parts, and
// nb-NO on its own would write 6.12.2026 in the first nine days of a month.
const TWO_DIGITS = { day: '2-digit', month: '2-digit', year: 'numeric' };

function NorwegianDateTimeFormat(locales, options) {
  const byDefault = locales === undefined || locales === 'default';
  const norwegianByDefault = byDefault ? 'nb-NO' : locales;
  return new BrowserDateTimeFormat(norwegianByDefault, byDefault && options === undefined ? TWO_DIGITS : options);
}

NorwegianDateTimeFormat.prototype = BrowserDateTimeFormat.prototype;
NorwegianDateTimeFormat.supportedLocalesOf = BrowserDateTimeFormat.supportedLocalesOf.bind(BrowserDateTimeFormat);
Intl.DateTimeFormat = NorwegianDateTimeFormat;

const MESSAGES = [
  [/^Field is required\.$/, () => 'Feltet må fylles ut.'],
  [/^Field must have minimum value of (.+)\.$/, (m) => `Verdien må være minst ${m[1]}.`],
  [/^Field must have maximum value of (.+)\.$/, (m) => `Verdien kan ikke være mer enn ${m[1]}.`],
  [/^Field must have minimum length of (.+)\.$/, (m) => `Skriv minst ${m[1]} tegn.`],
  [/^Field must have maximum length of (.+)\.$/, (m) => `Skriv høyst ${m[1]} tegn.`],
  [/^Field must match pattern .*$/, () => 'Feltet har feil form.'],
  [/^Field must be a valid email\.$/, () => 'Skriv en gyldig e-postadresse.'],
  [/^Field must be a valid\s+international phone number\..*$/,
    () => 'Skriv et gyldig telefonnummer med landskode, for eksempel +4735000000.'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    (m) => `Velg en gyldig verdi. De to nærmeste er ${m[1]} og ${m[2]}.`],
  [/^Date and time must both be entered\.$/, () => 'Skriv både dato og klokkeslett.'],
  [/^Date must match pattern .*$/, () => 'Datoen har feil form.'],
  [/^Date and time must match pattern .*$/, () => 'Dato og klokkeslett har feil form.']
];

export function norwegian(text) {
  const trimmed = text.trim();
  for (const [pattern, message] of MESSAGES) {
    const match = pattern.exec(trimmed);
    if (match) {
      return message(match);
    }
  }
  return null;
}

// Rewrites the text inside the elements the selector finds, where translate knows it (null: left as it is). The same
// text node is changed in place: form-js keeps it, and sets it again when its text changes.
function rewriteText(selector, translate) {
  for (const element of document.querySelectorAll(selector)) {
    const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const translated = translate(node.data);
      if (translated) {
        node.data = translated;
      }
    }
  }
}

function translateErrors() {
  rewriteText('.fjs-form-field-error', norwegian);
}

const NORWEGIAN_CALENDAR = {
  weekdays: {
    shorthand: ['sø', 'ma', 'ti', 'on', 'to', 'fr', 'lø'],
    longhand: ['søndag', 'mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag']
  },
  months: {
    shorthand: ['jan', 'feb', 'mar', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'des'],
    longhand: ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober',
      'november', 'desember']
  },
  firstDayOfWeek: 1,
  rangeSeparator: ' til ',
  weekAbbreviation: 'Uke',
  scrollTitle: 'Rull for å endre',
  toggleTitle: 'Klikk for å bytte',
  time_24hr: true,
  ordinal: () => '.'
};

// form-js's own words around the fields: an empty choice, the search in a list, a list with nothing to show
const WORDS = { 'Select': 'Velg', 'No results': 'Ingen treff', 'All values selected': 'Alt er valgt' };

function translateWords() {
  rewriteText('.fjs-select-placeholder, .fjs-dropdownlist-empty', (text) => WORDS[text.trim()] || null);
  for (const input of document.querySelectorAll('input.fjs-input[placeholder="Search"], input.fjs-taglist-input'
      + '[placeholder="Search"]')) {
    input.placeholder = 'Søk';
  }
  // the date format's placeholder, which form-js writes with the English letters for the year
  for (const input of document.querySelectorAll('.fjs-form-field input[placeholder="dd.mm.yyyy"]')) {
    input.placeholder = 'dd.mm.åååå';
  }
}

// form-js's date fields are flatpickr date pickers, which keep their instance on the input element
function localizeDatePickers() {
  for (const input of document.querySelectorAll('.fjs-form-field input')) {
    const picker = input._flatpickr;
    if (picker && !picker.likemannNorwegian) {
      picker.likemannNorwegian = true;
      picker.set('locale', NORWEGIAN_CALENDAR);
    }
  }
}

afterEachChange(() => {
  translateErrors();
  translateWords();
  localizeDatePickers();
});

// no plugin of its own: the script's work is the observer above
export default [];
