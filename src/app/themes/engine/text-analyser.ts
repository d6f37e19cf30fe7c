/**
 * The language side of themes, with the two packages it needs: Snowball stemmers (French and
 * English) and the ELD language detector. A text of fewer than four words is too short for any
 * detector to be trusted ("Top !", "Bof"): it takes the organization's language.
 */
import { eld } from "eld/medium";
import snowball from "snowball-stemmers";
import {
  countWords,
  type Stemmer,
  type ThemeLang,
  type TokenOptions,
} from "../../../domain/themes/analyse-text.ts";

/** Below this many words the organization's language is used, not the detector. */
export const MIN_WORDS_TO_DETECT = 4;

const stemmers = {
  fr: snowball.newStemmer("french"),
  en: snowball.newStemmer("english"),
};
export const snowballStem: Stemmer = (word, lang) => stemmers[lang].stem(word);

let detector: typeof eld | undefined;
function getDetector() {
  if (!detector) {
    detector = eld.newInstance();
    // only the languages Comptoir analyses: a short French text is then never "Catalan"
    detector.setLanguageSubset(["fr", "en"]);
  }
  return detector;
}

/**
 * The language of a feedback text: its own `lang` when the fact gives one, else the detector's
 * answer for texts of four words or more (when it is sure), else the organization's.
 * @example textLang("Trop cher", "en") // "en": two words, the organization decides
 */
export function textLang(text: string, orgLang: ThemeLang, factLang?: string): ThemeLang {
  if (factLang === "fr" || factLang === "en") return factLang;
  if (countWords(text) < MIN_WORDS_TO_DETECT) return orgLang;
  const result = getDetector().detect(text);
  return (result.language === "fr" || result.language === "en") && result.isReliable()
    ? result.language
    : orgLang;
}

/** Token options with Snowball and a stem cache shared by one analysis. */
export function tokenOptions(): TokenOptions {
  return { stem: snowballStem, cache: new Map() };
}
