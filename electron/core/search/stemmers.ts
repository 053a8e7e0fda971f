import { createRequire } from 'node:module';

/**
 * The Snowball stemmers search uses. snowball-stemmers is a UMD module without types: it is
 * loaded as CommonJS and given the little type it needs here, so that no ambient declaration
 * has to be part of every program that compiles core.
 */
type Stemmer = { readonly stem: (word: string) => string };
type Snowball = { readonly newStemmer: (algorithm: 'english' | 'russian') => Stemmer };

const snowball = createRequire(import.meta.url)('snowball-stemmers') as Snowball;

export const russianStemmer: Stemmer = snowball.newStemmer('russian');
export const englishStemmer: Stemmer = snowball.newStemmer('english');
