/** Minimal cookie jar: the API needs JSESSIONID and XSRF-TOKEN sent back, nothing more. */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  /** Accepts set-cookie as an array or as the comma-joined string some servers send. */
  store(setCookie: string | string[] | undefined): void {
    if (!setCookie) return;
    const lines = Array.isArray(setCookie) ? setCookie : setCookie.split(/,(?=\s*[^;,\s=]+=)/);
    for (const line of lines) {
      const pair = line.split(';', 1)[0].trim();
      const eq = pair.indexOf('=');
      if (eq <= 0) continue;
      this.cookies.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
  }

  get(name: string): string | undefined {
    for (const [k, v] of this.cookies) if (k.toLowerCase() === name.toLowerCase()) return v;
    return undefined;
  }

  set(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  header(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  clear(): void {
    this.cookies.clear();
  }

  /** The cookies as name -> value, to keep a session across a restart (store/). */
  entries(): Record<string, string> {
    return Object.fromEntries(this.cookies);
  }

  load(cookies: Record<string, string>): void {
    this.cookies.clear();
    for (const [k, v] of Object.entries(cookies)) this.cookies.set(k, v);
  }
}
