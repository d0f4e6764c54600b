/** The one-sheet layout of the short public forms (venue check-in, self-report): a card on a grey page, phone first. */
export const PAGE = {
  display: 'flex',
  flexDirection: 'column',
  alignItems: 'center',
  minHeight: '100vh',
  boxSizing: 'border-box',
  padding: 12,
  background: '#f0f2f5',
} as const;
export const SHEET = {
  width: '100%',
  maxWidth: 480,
  boxSizing: 'border-box',
  padding: 20,
  background: '#fff',
  borderRadius: 8,
} as const;
export const HEADER = {
  display: 'flex',
  justifyContent: 'space-between',
  alignItems: 'start',
  gap: 8,
  marginBottom: 8,
};
export const TITLE = {
  margin: 0,
  fontSize: 22,
  lineHeight: 1.35,
  fontWeight: 600,
  color: 'rgba(0, 0, 0, 0.88)',
};
export const SECONDARY = { color: 'rgba(0, 0, 0, 0.45)' };
export const DONE = { textAlign: 'center', padding: '24px 0' } as const;
