// What the picker scripts add to the editor page.
declare global {
  interface Window {
    FusionSolarPickers: { fields: string[]; scan: () => void };
    FusionSolarPickerTray: {
      open: (
        input: JQuery,
        spec: { kind: 'plants' | 'devices'; key: string; multi: boolean },
        account: string,
        typeSelect: JQuery,
      ) => void;
      t: (key: string, vars?: Record<string, string | number>) => string;
      typed: (input: JQuery) => boolean;
    };
  }
}
export {};
