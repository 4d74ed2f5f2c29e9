/**
 * @module Value makers for the authored golden set: realistic identifiers with correct check
 * digits (GB 11643 IDs, Luhn cards, GB 32100 codes), numbering-plan-valid phones, and the
 * near-misses that sit beside them in real messages (IDs and cards one check digit off, order and
 * tracking numbers, version strings). Seeded, so the generated file is reproducible.
 */
import { cnIdCheckChar, luhnCheckDigit, usccCheckChar } from '#src/core/pii/checksums.ts';
import type { Rng } from '../metrics/prng.ts';

export class Values {
  constructor(private readonly rng: Rng) {}

  int(min: number, max: number): number {
    return min + Math.floor(this.rng() * (max - min + 1));
  }
  pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rng() * xs.length)]!;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }
  pad(n: number, width: number): string {
    return String(n).padStart(width, '0');
  }
  chance(p: number): boolean {
    return this.rng() < p;
  }

  // ---- Chinese resident IDs -------------------------------------------------------------------
  private static AREAS = [
    '110101',
    '110105',
    '110108',
    '310101',
    '310104',
    '310115',
    '440103',
    '440106',
    '440305',
    '440304',
    '330106',
    '330102',
    '320102',
    '320106',
    '510104',
    '510107',
    '420102',
    '420106',
    '370102',
    '370202',
    '210102',
    '610113',
    '500103',
    '120101',
    '350203',
    '430102',
    '410105',
    '340104',
    '130102',
    '360102',
    '450103',
    '530102',
    '520102',
    '220102',
    '230103',
    '140105',
    '620102',
    '650102',
    '640104',
    '150102',
  ];

  birthDate(minYear = 1955, maxYear = 2004): { y: number; m: number; d: number } {
    const y = this.int(minYear, maxYear);
    const m = this.int(1, 12);
    const d = this.int(1, [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!);
    return { y, m, d };
  }

  cnId(): string {
    return this.cnIdWithBirth().id;
  }

  /** A resident ID and the birth date written inside it, as a customer would give both. */
  cnIdWithBirth(): { id: string; birth: string } {
    const { y, m, d } = this.birthDate();
    const first17 = this.pick(Values.AREAS) + y + this.pad(m, 2) + this.pad(d, 2) + this.digits(3);
    const birth = this.pick([
      `${y}年${m}月${d}日`,
      `${y}-${this.pad(m, 2)}-${this.pad(d, 2)}`,
      `${y}/${m}/${d}`,
    ]);
    return { id: first17 + cnIdCheckChar(first17), birth };
  }

  /** Right shape, real area and date, wrong check character: an order number, not an ID. */
  cnIdBadCheck(): string {
    const id = this.cnId();
    const right = id[17]!;
    const wrong = this.pick('0123456789'.split('').filter((c) => c !== right));
    return id.slice(0, 17) + wrong;
  }

  spaced(value: string, groups: number[], sep = ' '): string {
    const parts: string[] = [];
    let i = 0;
    for (const g of groups) {
      parts.push(value.slice(i, i + g));
      i += g;
    }
    if (i < value.length) parts.push(value.slice(i));
    return parts.filter((p) => p !== '').join(sep);
  }

  // ---- Phones ----------------------------------------------------------------------------------
  private static MOBILE_PREFIXES = [
    '134',
    '135',
    '136',
    '137',
    '138',
    '139',
    '150',
    '151',
    '152',
    '155',
    '156',
    '157',
    '158',
    '159',
    '166',
    '176',
    '177',
    '180',
    '181',
    '182',
    '183',
    '185',
    '186',
    '187',
    '188',
    '189',
    '191',
    '198',
    '199',
  ];

  mobile(): string {
    return this.pick(Values.MOBILE_PREFIXES) + this.digits(8);
  }

  /** A mainland mobile in one of the ways customers type it. */
  mobileFormatted(): string {
    const m = this.mobile();
    return this.pick([
      m,
      m,
      m,
      this.spaced(m, [3, 4, 4]),
      this.spaced(m, [3, 4, 4], '-'),
      `+86 ${m}`,
      `+86${m}`,
      `+86 ${this.spaced(m, [3, 4, 4])}`,
      `0086 ${m}`,
    ]);
  }

  landline(): string {
    const [area, len] = this.pick([
      ['010', 8],
      ['021', 8],
      ['020', 8],
      ['0755', 8],
      ['0571', 8],
      ['028', 8],
      ['025', 8],
      ['027', 8],
      ['0512', 8],
      ['0532', 8],
    ] as const);
    const local = String(this.int(2, 8)) + this.digits(len - 1);
    return this.pick([`${area}-${local}`, `${area}-${local}`, `${area} ${local}`, `(${area})${local}`]);
  }

  private static US_AREAS = [
    '212',
    '415',
    '312',
    '617',
    '206',
    '303',
    '512',
    '646',
    '702',
    '213',
    '404',
    '305',
    '718',
    '503',
    '720',
  ];

  usPhone(): string {
    const a = this.pick(Values.US_AREAS);
    const ex = String(this.int(2, 9)) + this.digits(2);
    const line = this.digits(4);
    return this.pick([
      `(${a}) ${ex}-${line}`,
      `${a}-${ex}-${line}`,
      `${a}.${ex}.${line}`,
      `+1 ${a} ${ex} ${line}`,
      `+1-${a}-${ex}-${line}`,
      `1-${a}-${ex}-${line}`,
      `(${a}) ${ex}-${line}`,
    ]);
  }

  ukPhone(): string {
    return this.pick([
      `+44 20 7946 ${this.digits(4)}`,
      `+44 7700 900${this.digits(3)}`,
      `020 7946 ${this.digits(4)}`,
    ]);
  }

  // ---- Cards -----------------------------------------------------------------------------------
  private luhn(prefix: string, length: number): string {
    const body = prefix + this.digits(length - prefix.length - 1);
    return body + luhnCheckDigit(body);
  }

  cnCard(): string {
    const [prefix, len] = this.pick([
      ['621700', 19],
      ['622202', 19],
      ['622848', 19],
      ['621483', 16],
      ['622262', 19],
      ['621661', 19],
      ['622588', 16],
      ['625809', 16],
      ['436742', 16],
      ['623668', 19],
    ] as const);
    return this.luhn(prefix, len);
  }

  enCard(): string {
    const [prefix, len] = this.pick([
      ['4', 16],
      ['4', 16],
      ['51', 16],
      ['55', 16],
      ['2221', 16],
      ['37', 15],
      ['34', 15],
      ['6011', 16],
      ['35', 16],
    ] as const);
    return this.luhn(prefix, len);
  }

  cardFormatted(card: string): string {
    if (card.length === 15) return this.pick([card, this.spaced(card, [4, 6, 5])]);
    return this.pick([card, this.spaced(card, [4, 4, 4, 4]), card]);
  }

  /** Card-shaped but one digit off, so Luhn fails. */
  badLuhn(card: string): string {
    const last = Number(card[card.length - 1]);
    return card.slice(0, -1) + String((last + this.int(1, 9)) % 10);
  }

  // ---- Codes -----------------------------------------------------------------------------------
  private static USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

  uscc(): string {
    const head = this.pick(['91', '91', '91', '92', '12', '52', '93']) + this.pick(Values.AREAS);
    let org = '';
    for (let i = 0; i < 9; i++)
      org += this.chance(0.75) ? String(this.int(0, 9)) : this.pick(Values.USCC_ALPHABET.slice(10).split(''));
    const first17 = head + org;
    return first17 + usccCheckChar(first17);
  }

  plate(): string {
    const prov = this.pick('京沪粤浙苏川鄂鲁湘闽津渝'.split(''));
    const office = this.pick('ABCDEFGHK'.split(''));
    const alnum = '0123456789ABCDEFGHJKLMNPQRSTUVWXYZ';
    let tail = '';
    for (let i = 0; i < 5; i++)
      tail += i === 0 || this.chance(0.7) ? String(this.int(0, 9)) : this.pick(alnum.slice(10).split(''));
    return this.pick([
      `${prov}${office}${tail}`,
      `${prov}${office}${tail}`,
      `${prov}${office}·${tail}`,
      `${prov}${office}D${this.digits(5)}`,
      `${prov}${office}F${this.digits(5)}`,
    ]);
  }

  cnPassport(): string {
    return this.pick([
      `E${this.digits(8)}`,
      `E${this.pick('ABCDEFGH'.split(''))}${this.digits(7)}`,
      `G${this.digits(8)}`,
    ]);
  }

  hkMacauPermit(): string {
    return this.pick([`C${this.digits(8)}`, `C${this.pick('ABCDEFGH'.split(''))}${this.digits(7)}`]);
  }

  homeReturnPermit(): string {
    return this.pick([`H${this.digits(8)}`, `M${this.digits(8)}`, `H${this.digits(10)}`]);
  }

  usPassport(): string {
    return this.pick([String(this.int(1, 9)) + this.digits(8), `A${this.digits(8)}`]);
  }

  ssn(): string {
    let area = this.int(1, 899);
    if (area === 666) area = 667;
    return `${this.pad(area, 3)}-${this.pad(this.int(1, 99), 2)}-${this.pad(this.int(1, 9999), 4)}`;
  }

  ipv4(): string {
    return `${this.pick([23, 45, 58, 61, 101, 114, 119, 180, 203, 211, 222])}.${this.int(0, 255)}.${this.int(0, 255)}.${this.int(1, 254)}`;
  }

  ipv6(): string {
    const g = () => this.int(0, 0xffff).toString(16);
    return this.pick([
      `2001:db8:${g()}:${g()}::${g()}`,
      `240e:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}:${g()}`,
      `fe80::${g()}:${g()}:${g()}:${g()}`,
    ]);
  }

  // ---- Dates -----------------------------------------------------------------------------------
  zhDate(): string {
    const { y, m, d } = this.birthDate();
    return this.pick([
      `${y}年${m}月${d}日`,
      `${y}-${this.pad(m, 2)}-${this.pad(d, 2)}`,
      `${y}/${m}/${d}`,
      `${y}年${this.pad(m, 2)}月${this.pad(d, 2)}日`,
    ]);
  }

  enDate(): string {
    const { y, m, d } = this.birthDate();
    const month = [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ][m - 1]!;
    return this.pick([
      `${this.pad(m, 2)}/${this.pad(d, 2)}/${y}`,
      `${m}/${d}/${y}`,
      `${month} ${d}, ${y}`,
      `${d} ${month} ${y}`,
      `${y}-${this.pad(m, 2)}-${this.pad(d, 2)}`,
    ]);
  }

  recentDate(lang: 'zh' | 'en'): string {
    const y = this.int(2023, 2025);
    const m = this.int(1, 12);
    const d = this.int(1, 28);
    return lang === 'zh'
      ? this.pick([`${y}年${m}月${d}日`, `${y}-${this.pad(m, 2)}-${this.pad(d, 2)}`])
      : this.pick([`${m}/${d}/${y}`, `${y}-${this.pad(m, 2)}-${this.pad(d, 2)}`]);
  }

  // ---- Non-PII look-alikes ------------------------------------------------------------------------
  orderNo(): string {
    return this.pick([
      `${this.int(2023, 2025)}${this.pad(this.int(1, 12), 2)}${this.pad(this.int(1, 28), 2)}${this.digits(10)}`,
      String(this.int(1, 4)) + this.digits(18),
      this.digits(12),
      `${this.int(2023, 2025)}${this.pad(this.int(1, 12), 2)}${this.pad(this.int(1, 28), 2)}${this.digits(6)}`,
    ]);
  }

  tracking(): string {
    return this.pick([
      `SF${this.digits(13)}`,
      `YT${this.digits(13)}`,
      `JD${this.pad(this.int(0, 99), 2)}${this.digits(11)}`,
      `JDVA${this.digits(11)}`,
      `75${this.digits(12)}`,
      `43${this.digits(11)}`,
      `EA${this.digits(9)}CN`,
    ]);
  }

  enTracking(): string {
    return this.pick([
      `1Z${this.digits(3)}AA${this.digits(10)}`,
      `9400 1${this.digits(3)} ${this.digits(4)} ${this.digits(4)} ${this.digits(4)} ${this.digits(2)}`,
      this.digits(12),
      `TBA${this.digits(12)}`,
    ]);
  }

  version(): string {
    return `${this.int(1, 12)}.${this.int(0, 9)}.${this.int(0, 20)}.${this.int(1, 999)}`;
  }
}
