/** The entry of the station UI (web/station/index.html), served at /station. */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import '../common/styles/base.css';
import './station.css';
import { StationApp } from './StationApp.js';
import { registerStationWorker } from './worker.js';

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <StationApp />
  </StrictMode>,
);

registerStationWorker();
