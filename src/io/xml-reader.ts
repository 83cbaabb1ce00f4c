// A thin layer over saxes: elements with their text and position, XML faults as InputError.
import { SaxesParser } from 'saxes';
import { InputError, InputErrorCode } from '../model/errors.ts';
import { checkDepth } from './imported-graph.ts';

/** An element being read: its local name (prefix dropped), attributes, own text, position. */
export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  /** Text directly inside this element, up to its first child element. */
  text: string;
  /** Whether the element has child elements. */
  hasChildren: boolean;
  parent: XmlElement | undefined;
  /** 1-based line and column of the tag's closing ">". */
  line: number;
  column: number;
}

/** Callbacks for the elements of a document, in document order. */
export interface XmlHandlers {
  open?(element: XmlElement): void;
  close?(element: XmlElement): void;
}

/** A streaming XML reader: feed text with `write`, finish with `close`. */
export interface XmlReader {
  write(chunk: string): void;
  close(): void;
}

/**
 * Creates a reader that calls `handlers` for each element. Malformed XML throws an
 * InputError (E_INPUT_SYNTAX) whose path is `line N, column M`; an InputError thrown by
 * a handler passes through unchanged.
 */
export function createXmlReader(file: string, handlers: XmlHandlers): XmlReader {
  const parser = new SaxesParser({ position: true });
  let current: XmlElement | undefined;
  let depth = 0;

  parser.on('opentag', (tag) => {
    depth += 1;
    checkDepth(depth, file, position(parser));
    if (current) current.hasChildren = true;
    const element: XmlElement = {
      name: localName(tag.name),
      attributes: tag.attributes as Record<string, string>,
      text: '',
      hasChildren: false,
      parent: current,
      line: parser.line,
      column: parser.column,
    };
    current = element;
    handlers.open?.(element);
  });
  // saxes sends closetag for self-closing tags too.
  parser.on('closetag', () => closeCurrent());
  // Text beside child elements is layout, not a value: it is not kept.
  parser.on('text', (text) => {
    if (current && !current.hasChildren) current.text += text;
  });
  parser.on('cdata', (text) => {
    if (current && !current.hasChildren) current.text += text;
  });

  function closeCurrent(): void {
    const element = current;
    if (!element) return;
    depth -= 1;
    current = element.parent;
    handlers.close?.(element);
  }

  const guarded = (step: () => void) => {
    try {
      step();
    } catch (err) {
      if (err instanceof InputError) throw err;
      throw syntaxError(file, parser, err as Error);
    }
  };
  return {
    write: (chunk) => guarded(() => parser.write(chunk)),
    close: () => guarded(() => parser.close()),
  };
}

/** Reads a whole document held in memory. */
export function readXml(text: string, file: string, handlers: XmlHandlers): void {
  const reader = createXmlReader(file, handlers);
  reader.write(text);
  reader.close();
}

/** The element's path for error messages: `graphml.graph.edge`. */
export function elementPath(element: XmlElement): string {
  const names: string[] = [];
  for (let e: XmlElement | undefined = element; e; e = e.parent) names.push(e.name);
  return names.reverse().join('.');
}

// saxes counts columns from 0 for the next character, which is the 1-based column of the
// character just read: where the fault was found.
function position(parser: SaxesParser): string {
  return `line ${parser.line}, column ${Math.max(1, parser.column)}`;
}

function syntaxError(file: string, parser: SaxesParser, err: Error): InputError {
  // saxes prefixes its messages with "line:column: "; we give the position as the path.
  const message = err.message.replace(/^\d+:\d+:\s*/, '');
  return new InputError(InputErrorCode.syntax, file, [{
    code: 'xml_syntax',
    path: position(parser),
    message: `malformed XML: ${message}`,
  }]);
}

function localName(name: string): string {
  const colon = name.indexOf(':');
  return colon < 0 ? name : name.slice(colon + 1);
}
