import { describe, expect, it } from 'vitest';
import { isCrossOrigin } from '../../../renderer/features/viewers/media-origin';

describe('whether media is on another origin than the page', () => {
  it.each([
    ['/media/abc', 'http://127.0.0.1:4173/#/case/1', false],
    ['http://127.0.0.1:4173/media/abc', 'http://127.0.0.1:4173/', false],
    ['http://127.0.0.1:9999/media/abc', 'http://127.0.0.1:4173/', true],
    ['http://localhost:4173/media/abc', 'http://127.0.0.1:4173/', true],
    ['habeas-media://media/abc', 'app://habeas/index.html', true],
    ['app://habeas/assets/x.png', 'app://habeas/index.html', false],
    ['http://[oops', 'http://127.0.0.1:4173/', false],
  ])('%s from %s → %s', (url, page, expected) => {
    expect(isCrossOrigin(url, page)).toBe(expected);
  });
});
