/** Entry point: registers the components; <sim-app> in index.html does the rest. */
import './components/sim-app.js';
