import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { readMirroredLocale } from './i18n/locale-mirror';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
document.documentElement.lang = readMirroredLocale();
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
