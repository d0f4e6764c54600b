import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { setupI18n } from './i18n/setup';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html lacks #root');

void setupI18n().then(() => {
  createRoot(container).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
});
