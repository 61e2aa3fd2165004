// Tasklist's task cards, as people read them. The corner number is the engine's priority (the journey's tasks carry
// 50 + 10 × the referral's priority points, 1 to 3, from the DMN referralPriority; every other task 50): shown as
// what it means, "Prioritet 3 av 3" or "Vanlig", the way the forms say it. A task that stands open for as long as the
// follow-up goes on ("Avslutt oppfølging") is not work waiting: its card says so and is shown quieter. Only the
// text and look of the card change; the list, its order and its filters are Tasklist's own.
import { afterEachChange } from './likemann-panel.js';

const STANDING = {
  'Avslutt oppfølging': 'Står åpen mens oppfølgingen pågår: fullfør den når oppfølgingen er over.',
  'Venteliste: vurder på nytt ved ledig plass': 'Står åpen til det blir ledig plass.',
  'Venter på ledig likemann': 'Står åpen til en likemann blir ledig.'
};

function priorityText(n) {
  const points = (n - 50) / 10;
  return Number.isInteger(points) && points >= 1 && points <= 3 ? 'Prioritet ' + points + ' av 3' : 'Vanlig';
}

function cards() {
  for (const corner of document.querySelectorAll('.tasks-list .task .priority')) {
    const raw = corner.getAttribute('data-likemann-priority') || corner.textContent.trim();
    if (!/^-?\d+$/.test(raw)) {
      continue;
    }
    corner.setAttribute('data-likemann-priority', raw);
    const text = priorityText(Number(raw));
    if (corner.textContent.trim() !== text) {
      corner.textContent = text;
    }
  }
  for (const card of document.querySelectorAll('.tasks-list li.task')) {
    const name = card.querySelector('h4 a');
    const note = name && STANDING[name.textContent.trim()];
    if (note && !card.querySelector('.likemann-standing')) {
      const line = document.createElement('div');
      line.className = 'likemann-standing text-muted small';
      line.textContent = note;
      name.closest('h4').after(line);
      card.style.opacity = '0.75';
    }
  }
}

afterEachChange(cards);

// no plugin of its own: the script's work is the observer above
export default [];
