import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { takeTokenFromUrl } from './api';
import { App } from './components/App';
import './styles.css';

// Before the first render: move the admin token out of the address bar.
takeTokenFromUrl();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
