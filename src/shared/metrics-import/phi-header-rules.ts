import type { PhiKind } from './phi-kinds';

/*
 * Column headers that name a patient-level identifier, as real exports write them: camelCase
 * ("PatientName", "MemberID"), abbreviations ("Birth Dt", "DOS", "Pt. First Nm"), "#" for number,
 * and the same headers in Spanish, French, German, Portuguese, Italian and Dutch. Generic words
 * ("Name", "First", "Patient") count only as the whole header; specific phrases ("date of birth",
 * "member id") count anywhere in it. So "Members enrolled", "Patient count", "Account Name" and
 * "Service month" pass.
 */

interface HeaderRule {
  kind: PhiKind;
  /** Phrases that trip the wire only as the whole header. */
  exact: readonly string[];
  /** Phrases that trip it anywhere in the header, as whole words. */
  anywhere: readonly string[];
  why: string;
}

/** People the name and id columns of patient-level files are about. */
// Not "client": "Client name" is how some exports name the account column.
const PERSON = '(?:patient|patients|pt|member|mbr|beneficiary|bene|enrollee|subscriber|insured|guarantor|participant|resident|person|individual|employee|dependent)';
const PERSON_NAME = new RegExp(`^${PERSON}(?: (?:first|last|full|given|family|middle|sur|legal|preferred))? ?(?:name|nm)$|^(?:first|last|full|given|family|middle|legal|preferred) ?(?:name|nm)(?: of ${PERSON})?$`);
const PERSON_ID = new RegExp(`\\b${PERSON} (?:id|identifier|#|no|num|nbr|number|key)(?= |$)`);
/** "Patient phone", "Home address", "Member email": a person's contact detail, whichever word comes first. */
const PERSON_CONTACT = new RegExp(`\\b(?:${PERSON.slice(3, -1)}|home|mobile|cell|work|contact|personal|mailing|residential|postal) (phone|telephone|tel|mobile|cell|fax|email|e mail|address|addr)\\b`);

const RULES: readonly HeaderRule[] = [
  {
    kind: 'name',
    exact: [
      'name', 'names', 'first', 'last', 'fname', 'lname', 'surname', 'forename', 'given', 'middle initial', 'patient', 'member',
      'beneficiary', 'enrollee', 'participant', 'subscriber', 'insured', 'guarantor', 'pt',
      'nombre', 'nombres', 'apellido', 'apellidos', 'nombre completo', 'primer nombre', 'segundo nombre', 'nombre del paciente', 'nombre paciente', 'paciente',
      'nom', 'prenom', 'prenoms', 'nom de famille', 'nom complet', 'nom du patient', 'nom patient', 'patiente',
      'vorname', 'nachname', 'familienname', 'vollstandiger name', 'patientenname', 'name des patienten', 'patientin',
      'nome', 'sobrenome', 'apelido', 'nome completo', 'nome do paciente', 'cognome', 'nome del paziente', 'nome paziente', 'paziente',
      'voornaam', 'achternaam', 'naam', 'volledige naam', 'patientnaam', 'naam patient',
    ],
    anywhere: [],
    why: "is named like a person's name (rename it \"Account\" if it holds account names)",
  },
  {
    kind: 'birth-date',
    exact: ['birth', 'born', 'bdate', 'b date', 'ddn', 'geb', 'fec nac', 'f nac'],
    anywhere: [
      'dob', 'd o b', 'date of birth', 'birth date', 'birthdate', 'birth dt', 'birthday', 'born on',
      'fecha de nacimiento', 'fecha nacimiento', 'f nacimiento', 'date de naissance', 'date naissance', 'geburtsdatum', 'geb datum',
      'data de nascimento', 'data nascimento', 'data di nascita', 'geboortedatum',
    ],
    why: 'is named like a date of birth',
  },
  {
    kind: 'ssn',
    exact: ['sin', 'nss', 'nir', 'bsn', 'cpf', 'rg', 'dni', 'nie', 'nif', 'curp', 'rut'],
    anywhere: [
      'ssn', 'social security', 'ss #', 'ss no', 'numero de seguro social', 'seguro social', 'numero de securite sociale', 'securite sociale',
      'sozialversicherungsnummer', 'codice fiscale', 'burgerservicenummer',
    ],
    why: 'is named like a national identity number (Social Security number or equivalent)',
  },
  {
    kind: 'record-number',
    exact: ['mrn', 'hic', 'cin', 'icn', 'dcn', 'cns', 'mbi', 'hicn'],
    anywhere: [
      'mrn', 'mrn #', 'medical record', 'med rec', 'chart number', 'chart no', 'chart #', 'memberid', 'patientid', 'policy number', 'policy no',
      'policy #', 'policy id', 'policyholder id', 'hicn', 'hic number', 'medicare id', 'medicare number', 'medicare beneficiary identifier',
      'medicaid id', 'medicaid number', 'insurance id', 'insurance number', 'encounter id', 'encounter number', 'visit id', 'claim id',
      'claim number', 'claim no', 'claim #',
      'numero de afiliado', 'numero de afiliacion', 'numero de historia', 'historia clinica', 'expediente', 'numero de paciente', 'id paciente',
      'numero patient', 'no patient', 'id patient', 'dossier medical', 'versichertennummer', 'krankenversichertennummer', 'versicherungsnummer',
      'patientennummer', 'patienten id', 'fallnummer', 'cartao sus', 'numero do paciente', 'prontuario', 'tessera sanitaria', 'numero paziente',
      'cartella clinica', 'patientnummer', 'zorgverzekeringsnummer',
    ],
    why: 'is named like a medical record, member or claim identifier',
  },
  {
    kind: 'address',
    exact: ['zip', 'zip4', 'cp', 'plz', 'cep', 'cap'],
    anywhere: [
      'address', 'addr', 'street', 'zip code', 'zipcode', 'postal code', 'postcode', 'post code',
      'direccion', 'domicilio', 'calle', 'codigo postal', 'adresse', 'rue', 'code postal', 'anschrift', 'strasse', 'hausnummer', 'postleitzahl',
      'endereco', 'logradouro', 'indirizzo', 'adres', 'straat',
    ],
    why: 'is named like a street address or ZIP code',
  },
  {
    kind: 'phone',
    exact: ['phone', 'tel', 'mobile', 'cell', 'fax', 'telefono', 'celular', 'movil', 'telephone', 'portable', 'telefon', 'handy', 'telefone', 'cellulare', 'mobiel'],
    anywhere: ['phone #', 'phone number', 'phone no', 'telephone', 'tel #', 'tel no', 'mobile #', 'mobile number', 'cell phone', 'cell #', 'home phone', 'work phone', 'contact number', 'handynummer', 'telefoonnummer', 'numero de telefono', 'numero de telephone'],
    why: 'is named like a phone number',
  },
  {
    kind: 'email',
    exact: ['email', 'e mail', 'mail', 'correo', 'courriel'],
    anywhere: ['email address', 'e mail address', 'correo electronico', 'adresse e mail', 'adresse email'],
    why: 'is named like an email address',
  },
  {
    kind: 'service-date',
    exact: ['dos', 'dod', 'svc date'],
    anywhere: [
      'date of service', 'service date', 'admit date', 'admission date', 'discharge date', 'visit date', 'encounter date', 'date of death',
      'death date', 'procedure date', 'fecha de servicio', 'fecha de atencion', 'date de soins', 'behandlungsdatum', 'data do atendimento', 'data della prestazione',
    ],
    why: "is named like the date of a person's visit or service (dates about one person are identifiers)",
  },
];

/** Words of the phrases, prepared once: exact phrases in a set, anywhere phrases padded for whole-word search. */
const PREPARED = RULES.map((rule) => ({ rule, exact: new Set(rule.exact), anywhere: rule.anywhere.map((phrase) => ` ${phrase} `) }));

/**
 * A header reduced to lower-case ASCII words: camelCase split ("MemberID" → "member id"), accents
 * dropped ("Teléfono" → "telefono"), "#" kept as its own word, everything else a space.
 * @example phiHeaderWords('Pt. First Nm#') // 'pt first nm #'
 */
export function phiHeaderWords(header: string): string {
  return header
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/\bn[°º]/g, 'no ')
    .replace(/#/g, ' # ')
    .replace(/[^a-z0-9#]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

/** Why a header names a patient-level identifier, or null. */
export function phiHeaderProblem(header: string): { kind: PhiKind; why: string } | null {
  const words = phiHeaderWords(header);
  if (!words) return null;
  if (PERSON_NAME.test(words)) return { kind: 'name', why: RULES[0]!.why };
  if (PERSON_ID.test(words)) return { kind: 'record-number', why: 'is named like a patient or member identifier' };
  const contact = PERSON_CONTACT.exec(words);
  if (contact) {
    const what = contact[1]!;
    if (what === 'email' || what === 'e mail') return { kind: 'email', why: 'is named like an email address' };
    if (what === 'address' || what === 'addr') return { kind: 'address', why: 'is named like a street address or ZIP code' };
    return { kind: 'phone', why: 'is named like a phone number' };
  }
  const padded = ` ${words} `;
  for (const { rule, exact, anywhere } of PREPARED) {
    if (exact.has(words) || anywhere.some((phrase) => padded.includes(phrase))) return { kind: rule.kind, why: rule.why };
  }
  return null;
}
