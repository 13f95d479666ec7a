/**
 * Which forms on screen hold typed changes not yet submitted, read before a restart into a new
 * version (软件更新): any input or change inside a <form> marks it, its submit or reset clears
 * it, and a form no longer shown (a closed dialog, another page) does not count.
 */
const MARK = 'data-unsaved';
let tracking = false;

const formOf = (e: Event) => (e.target instanceof Element ? e.target.closest('form') : null);

export function trackUnsavedForms(doc: Document = document): void {
  if (tracking) return;
  tracking = true;
  for (const type of ['input', 'change']) doc.addEventListener(type, (e) => formOf(e)?.setAttribute(MARK, ''), true);
  for (const type of ['submit', 'reset']) doc.addEventListener(type, (e) => formOf(e)?.removeAttribute(MARK), true);
}

export function hasUnsavedForms(doc: Document = document): boolean {
  return [...doc.querySelectorAll(`form[${MARK}]`)].some((f) => f.getClientRects().length > 0);
}
