/*
 * Does a cell look like a person's name? Used only where a name could sit (account, stream and
 * unmapped text columns, file names), and never for names the workspace already knows. Shape
 * alone cannot tell "Jane Doe" from "Acme Health", so a "First Last" cell counts as a person only
 * when its first word is a common given name and no word is an organisation word; "Last, First"
 * is a person's shape on its own. Misses are possible (rare given names); false alarms on account
 * names are avoided by the organisation words and by sparing known names.
 */

/** Common given names (US census and SSA lists, with frequent Hispanic, European and Asian names), lower case. */
const GIVEN_NAMES = new Set(
  `james john robert michael william david richard joseph thomas charles christopher daniel matthew anthony mark donald steven paul andrew
  joshua kenneth kevin brian george timothy ronald edward jason jeffrey ryan jacob gary nicholas eric jonathan stephen larry justin scott
  brandon benjamin samuel gregory alexander frank patrick raymond jack dennis jerry tyler aaron jose adam nathan henry douglas zachary peter
  kyle ethan walter noah jeremy christian keith roger terry gerald harold sean austin carl arthur lawrence dylan jesse jordan bryan billy
  joe bruce gabriel logan albert willie alan juan wayne elijah randy roy vincent ralph eugene russell bobby mason philip louis harry howard
  mary patricia jennifer linda elizabeth barbara susan jessica sarah karen lisa nancy betty margaret sandra ashley kimberly emily donna
  michelle carol amanda dorothy melissa deborah stephanie rebecca sharon laura cynthia kathleen amy angela shirley anna brenda pamela emma
  nicole helen samantha katherine christine debra rachel carolyn janet catherine maria heather diane ruth julie olivia joyce virginia
  victoria kelly lauren christina joan evelyn judith megan andrea cheryl hannah jacqueline martha gloria teresa ann sara madison frances
  kathryn janice jean abigail alice judy sophia grace denise amber doris marilyn danielle beverly isabella theresa diana natalie brittany
  charlotte marie kayla alexis lori jane dana sam alex chris pat taylor morgan casey jamie robin leslie terry lee
  carlos luis miguel jorge pedro manuel francisco antonio javier alejandro ricardo fernando sergio rafael eduardo roberto mario diego
  guadalupe rosa carmen ana lucia sofia camila valentina gabriela daniela isabel elena juana adriana veronica alejandra yolanda
  mohammed muhammad ahmed ali omar fatima aisha wei li ming hiroshi yuki kenji mei priya raj rahul anil sunil deepak amit neha pooja
  jean pierre francois marc nicolas claire sophie camille hans klaus jurgen stefan anja petra ursula giovanni giuseppe marco luca
  francesca giulia chiara joao paulo tiago ana beatriz jan piet kees anke`
    .split(/\s+/)
    .filter(Boolean),
);

/** Words that make a name an organisation's, not a person's. */
const ORGANISATION_WORDS = new Set(
  `health healthcare hospital hospitals clinic clinics medical medicine center centre centers care system systems group associates
  partners plan plans insurance inc llc ltd corp corporation company co foundation institute university college school network
  practice physicians pharmacy pharma therapeutics labs laboratory services solutions logistics manufacturing industries county city
  state department trust benefits employees fund account program programme stream platform team unit region regional community memorial
  saint st general family pediatrics cardiology oncology orthopedics behavioral behavioural senior aco hmo ppo the of and for`
    .split(/\s+/)
    .filter(Boolean),
);

const WORD = /^[A-Z][a-zà-öø-ÿ'’-]+$/;
const INITIAL = /^[A-Z]\.?$/;
const LAST_FIRST = /^([A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’-]+(?: [A-Z][A-Za-zÀ-ÖØ-öø-ÿ'’-]+)?),\s*([A-Z][a-zà-öø-ÿ'’-]+)(?:\s+[A-Z]\.?)?$/;

/**
 * True when the text has the shape of one person's name: "Doe, Jane", "Doe, Jane M.", "Jane Doe",
 * "Jane M. Doe" (first word a common given name, no organisation word).
 * @example looksLikePersonName('Maria Garcia') // true
 * @example looksLikePersonName('Mary Washington Hospital') // false
 */
export function looksLikePersonName(text: string): boolean {
  const trimmed = text.trim();
  if (trimmed.length < 5 || trimmed.length > 60) return false;
  const lastFirst = LAST_FIRST.exec(trimmed);
  if (lastFirst) return !hasOrganisationWord(`${lastFirst[1]} ${lastFirst[2]}`);
  const words = trimmed.split(/\s+/);
  if (words.length < 2 || words.length > 4) return false;
  if (!GIVEN_NAMES.has(words[0]!.toLowerCase()) || !WORD.test(words[0]!)) return false;
  if (!words.slice(1).every((word) => WORD.test(word) || INITIAL.test(word)) || !WORD.test(words.at(-1)!)) return false;
  return !hasOrganisationWord(trimmed);
}

/** True when a word of the text is a common given name (for file names such as "jane_doe_export.csv"). */
export function containsGivenNameAndSurname(words: readonly string[]): boolean {
  for (let i = 0; i + 1 < words.length; i += 1) {
    const [first, second] = [words[i]!.toLowerCase(), words[i + 1]!.toLowerCase()];
    const isWord = (w: string) => /^[a-z'’-]{2,}$/.test(w) && !ORGANISATION_WORDS.has(w);
    if ((GIVEN_NAMES.has(first) && isWord(second)) || (GIVEN_NAMES.has(second) && isWord(first) && !GIVEN_NAMES.has(first))) return true;
  }
  return false;
}

function hasOrganisationWord(text: string): boolean {
  return text
    .toLowerCase()
    .split(/[\s,.'’-]+/)
    .some((word) => ORGANISATION_WORDS.has(word));
}
