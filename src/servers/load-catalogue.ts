// Reads an application catalogue from YAML text: syntax, schema, then references.
// All or nothing: a bad file is refused whole, with every fault listed.
import { InputError, InputErrorCode } from '../model/errors.ts';
import { parseYamlText } from '../model/yaml-text.ts';
import { fromZodIssues } from '../model/zod-issues.ts';
import { CatalogueSchema, type Catalogue } from './catalogue-schema.ts';
import { checkCatalogueReferences } from './check-catalogue.ts';

/** Parses and validates a catalogue. Throws InputError listing every fault. */
export function parseCatalogue(text: string, file: string): Catalogue {
  return validateCatalogue(parseYamlText(text, file), file);
}

/** Validates catalogue data already parsed (from YAML, JSON or an API body). */
export function validateCatalogue(data: unknown, file: string): Catalogue {
  const parsed = CatalogueSchema.safeParse(data, { reportInput: true });
  const references = checkCatalogueReferences(data);
  if (!parsed.success) {
    const issues = [...fromZodIssues(parsed.error.issues), ...references];
    throw new InputError(InputErrorCode.schema, file, issues);
  }
  if (references.length > 0) throw new InputError(InputErrorCode.reference, file, references);
  return parsed.data;
}
