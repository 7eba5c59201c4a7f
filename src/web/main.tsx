import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router/dom';
import { createAppRouter } from './app/router.tsx';
import './styles.css';

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root element');
const router = createAppRouter();
createRoot(container).render(
  <StrictMode>
    {/* No transitions: the router loads a page's code before it changes the address, so there is no
          fallback to avoid, and the new page is on screen (heading focused) as the address changes. */}
    <RouterProvider router={router} useTransitions={false} />
  </StrictMode>,
);
