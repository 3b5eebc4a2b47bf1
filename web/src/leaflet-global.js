// leaflet.markercluster extends the global `L`; expose the bundled Leaflet as that global
// before the plugin is evaluated (imports run in order).
import L from 'leaflet';

window.L = L;
export default L;
