import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { isMap, isPair, isScalar, parseDocument, visit } from 'yaml';

export interface SplitTextIssue {
  file: string;
  line: number | null;
  path: string;
  message: string;
}

function yamlFiles(dir: string, out: string[] = []): string[] {
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yamlFiles(path, out);
    else if (entry.endsWith('.yaml') || entry.endsWith('.yml')) out.push(path);
  }
  return out;
}

/**
 * Finds text cut in two by an unquoted comma inside a `{ … }` mapping: `{ reason: A, B og C. }` reads as
 * `reason: A` plus an empty key `B og C.`, so the rest of the sentence silently disappears. Any key with a space
 * and no value in a flow mapping is such a fragment (real keys in the content are identifiers).
 */
export function findSplitText(dir: string): SplitTextIssue[] {
  const issues: SplitTextIssue[] = [];
  for (const path of yamlFiles(dir)) {
    const text = readFileSync(path, 'utf8');
    const doc = parseDocument(text);
    visit(doc, {
      Map(_, map) {
        if (!isMap(map) || !map.flow) return;
        for (const pair of map.items) {
          if (!isPair(pair) || !isScalar(pair.key)) continue;
          const key = String(pair.key.value);
          if (pair.value !== null && !(isScalar(pair.value) && pair.value.value === null)) continue;
          if (!/\s/.test(key)) continue;
          const offset = pair.key.range?.[0];
          const line = offset === undefined ? null : text.slice(0, offset).split('\n').length;
          issues.push({
            file: relative(dir, path),
            line,
            path: key,
            message: `teksten «${key}» er kuttet av et komma uten anførselstegn i { … }; sett hele verdien i anførselstegn`,
          });
        }
      },
    });
  }
  return issues;
}
