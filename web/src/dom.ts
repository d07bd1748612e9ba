/** The element with this id; throws when the page lacks it (a build mistake, not a user error). */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const found = document.getElementById(id);
  if (!found) throw new Error(`the page has no element #${id}`);
  return found as T;
}

type Child = Node | string | undefined | false;

/** An HTML element with attributes (strings; `true` for a bare attribute) and children. */
export function html<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string | number | boolean | undefined> = {},
  children: Child[] = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  setAttributes(node, attributes);
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

const svgNamespace = 'http://www.w3.org/2000/svg';

/** An SVG element with presentation attributes and children. */
export function svg(
  tag: string,
  attributes: Record<string, string | number | boolean | undefined> = {},
  children: Child[] = [],
): SVGElement {
  const node = document.createElementNS(svgNamespace, tag);
  if (!(node instanceof SVGElement)) throw new Error(`${tag} is not an SVG element`);
  setAttributes(node, attributes);
  for (const child of children) if (child !== undefined && child !== false) node.append(child);
  return node;
}

function setAttributes(node: Element, attributes: Record<string, string | number | boolean | undefined>): void {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    node.setAttribute(name, value === true ? '' : String(value));
  }
}

/** A `<dl>` filled with term/description pairs. */
export function fillSummary(list: HTMLElement, entries: Array<[string, string]>): void {
  list.replaceChildren(
    ...entries.flatMap(([term, description]) => [html('dt', {}, [term]), html('dd', {}, [description])]),
  );
}
