// A small element builder: text always goes in as text, never as markup.

/**
 * `h('td', { class: 'num' }, '12.3')`: an element with attributes, listeners (`on*`)
 * and children (elements, strings, numbers; null and false are skipped).
 */
export function h(tag, attrs = {}, ...children) {
  const svg = ['svg', 'rect', 'line', 'path', 'g', 'text', 'circle'].includes(tag);
  const el = svg ? document.createElementNS('http://www.w3.org/2000/svg', tag)
    : document.createElement(tag);
  for (const [name, value] of Object.entries(attrs ?? {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2), value);
    } else if (name === 'dataset') {
      Object.assign(el.dataset, value);
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces an element's children. */
export function fill(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A horizontal bar for a fraction the API gave, coloured; the width is set by CSSOM. */
export function bar(fraction, colour, title) {
  const inner = h('span', { class: 'bar-fill' });
  inner.style.width = `${Math.max(0, Math.min(1, fraction)) * 100}%`;
  inner.style.background = colour;
  return h('span', { class: 'bar', title }, inner);
}
