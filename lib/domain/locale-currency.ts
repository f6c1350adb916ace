// A first guess at the shop's currency from the browser's locale, shown prefilled on the first run
// for the owner to confirm: never stored without that.

// Regions whose currency is not obvious from a language alone; the euro area by its members.
const EURO = ['AT', 'BE', 'CY', 'DE', 'EE', 'ES', 'FI', 'FR', 'GR', 'HR', 'IE', 'IT', 'LT', 'LU', 'LV', 'MT', 'NL', 'PT', 'SI', 'SK'];
const BY_REGION: Readonly<Record<string, string>> = {
  ...Object.fromEntries(EURO.map((r) => [r, 'EUR'])),
  US: 'USD', GB: 'GBP', CA: 'CAD', AU: 'AUD', NZ: 'NZD', JP: 'JPY', CN: 'CNY', TW: 'TWD', HK: 'HKD', MO: 'MOP',
  SG: 'SGD', MY: 'MYR', ID: 'IDR', TH: 'THB', VN: 'VND', PH: 'PHP', KR: 'KRW', IN: 'INR', BR: 'BRL', MX: 'MXN',
  CH: 'CHF', PL: 'PLN', SE: 'SEK', NO: 'NOK', DK: 'DKK', CZ: 'CZK', HU: 'HUF', RO: 'RON', UA: 'UAH', TR: 'TRY',
  ZA: 'ZAR', AE: 'AED', SA: 'SAR', IL: 'ILS', AR: 'ARS', CL: 'CLP', CO: 'COP', PE: 'PEN',
};

/** The currency of the locale's region ("de-DE" → EUR, "zh-TW" → TWD, "en" → USD by likely region); undefined when none is known. */
export function currencyForLocale(locale: string): string | undefined {
  try {
    const region = new Intl.Locale(locale).maximize().region;
    return region ? BY_REGION[region] : undefined;
  } catch {
    return undefined;
  }
}
