// The package ships no types: the two functions Comptoir calls.
declare module "snowball-stemmers" {
  export function newStemmer(algorithm: string): { stem(word: string): string };
  export function algorithms(): string[];
}
