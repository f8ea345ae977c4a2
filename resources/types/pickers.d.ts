// What the pickers script adds to the editor page.
declare global {
  interface Window {
    FusionSolarPickers: { fields: string[]; scan: () => void };
  }
}
export {};
