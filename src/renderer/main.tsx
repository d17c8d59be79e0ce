/**
 * The studio's entry: it mounts the React tree and starts the simulation worker.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '@xyflow/react/dist/style.css';
import 'uplot/dist/uPlot.min.css';
import './styles/base.css';
import './styles/views.css';
import { App } from './App.js';

const container = document.getElementById('root');
if (container === null) throw new Error('index.html has no #root element; the studio cannot mount');

createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
