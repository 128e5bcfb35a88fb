import assert from 'node:assert/strict';
import { test } from 'node:test';
import { catalogs, catalogueParts } from './catalog';

test('no two features define the same message key', () => {
  const owner = new Map<string, number>();
  const clashes: string[] = [];
  catalogueParts.forEach((part, index) => {
    for (const key of Object.keys(part.nb)) {
      if (owner.has(key)) clashes.push(`${key} (catalogue ${owner.get(key)} and ${index})`);
      else owner.set(key, index);
    }
  });
  assert.deepEqual(clashes, []);
});

test('nynorsk and English have every key bokmål has, and no empty text', () => {
  for (const language of ['nn', 'en'] as const) {
    for (const [key, text] of Object.entries(catalogs.nb)) {
      const translated = catalogs[language][key as keyof typeof catalogs.nb];
      assert.ok(translated && translated.trim(), `${language} lacks ${key}`);
      assert.ok(text.trim(), `nb has an empty ${key}`);
    }
  }
});
