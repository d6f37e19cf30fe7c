/**
 * The project's own stoplists: function words that say nothing about a theme. Written here on
 * purpose instead of taken from a generic list (stopwords-iso's French list drops "cher",
 * "pas", "trop", "personne"): negations, intensity and evaluative words are KEPT, because
 * "pas cher", "trop long" or "personne au téléphone" are what a theme is made of.
 * Words are compared after lower-casing and accent folding.
 */

const FR = `a au aux avec ce ces cet cette ceci cela ça ca celui celle ceux celles chez comme
dans de des du elle elles en et eux il ils je la le les leur leurs lui ma mais me meme mes moi
mon ne nos notre nous on ou où par pour qu que qui quoi sa se ses si son sur ta te tes toi ton tu
un une vos votre vous y l d j m n s t c qu jusqu lorsqu puisqu quand donc or car puis alors
ete etais etait etions etiez etaient etant suis es est sommes etes sont serai sera seront serait
seraient sois soit soient fus fut furent ai as avons avez ont avais avait avions aviez avaient
aurai aura aurons aurez auront aurait auraient eu eue eus eut ayant avoir etre fait faite faits
faire fais font va vais vont aller allé allee ete
ici voici voila dont lequel laquelle lesquels lesquelles auquel duquel
tout tous toute toutes autre autres meme memes chaque quelque quelques plusieurs
aussi encore deja ainsi apres avant pendant depuis vers entre
sous lors afin etc`;

const EN = `a an the and or but if then so of to in on at by for with from as into onto about
over under between through during before after i me my mine we us our ours you your yours he
him his she her hers it its they them their theirs this that these those who whom whose which
what there here is am are was were be been being have has had having do does did doing will
would shall should can could may might must just also s t d ll re ve m
get got gets go goes went gone`;

const words = (list: string) => new Set(list.split(/\s+/).filter((w) => w !== ""));

export const STOPWORDS: Readonly<Record<"fr" | "en", ReadonlySet<string>>> = {
  fr: words(FR),
  en: words(EN),
};

/**
 * Words that turn what follows into its opposite, up to the next punctuation: the analyser
 * marks the following words NOT_word. "ne"/"n'" alone is not enough in French (the second
 * part, "pas", "jamais", "rien", "aucun", carries it, and "ne" is often dropped in speech).
 */
export const NEGATIONS: Readonly<Record<"fr" | "en", ReadonlySet<string>>> = {
  fr: new Set([
    "pas",
    "jamais",
    "rien",
    "aucun",
    "aucune",
    "sans",
    "ni",
    "non",
    "guere",
    "nullement",
  ]),
  en: new Set(["not", "no", "never", "without", "nothing", "nor", "none", "hardly"]),
};

/**
 * How much and how good, not what: kept in the tokens (negation, codebook phrases such as
 * "trop cher") but never a discovered theme's word on its own, since a group named "très, bon"
 * says nothing the owner can act on.
 */
export const INTENSITY_WORDS: ReadonlySet<string> = new Set([
  "tres",
  "trop",
  "peu",
  "assez",
  "plutot",
  "vraiment",
  "bien",
  "bon",
  "bonne",
  "mal",
  "mauvais",
  "mauvaise",
  "super",
  "top",
  "genial",
  "nul",
  "plus",
  "moins",
  "tout",
  "rien",
  "toujours",
  "excellent",
  "parfait",
  "agreable",
  "sympa",
  "very",
  "too",
  "quite",
  "really",
  "good",
  "bad",
  "great",
  "nice",
  "more",
  "less",
  "always",
  "excellent",
  "perfect",
  "pleasant",
]);
