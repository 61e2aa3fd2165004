// The journey's and the onboarding's diagram in Cockpit with how many stand at each step now and how many passed it
// this year, from GET /api/reports/process-counts/<key> (ProcessCounts): counts of the reader's regions, "under 5"
// for a small one and the nearest 5 for the others, never an instance, a business key or a variable. For the steering
// group and the others who follow the service; for anyone else the answer is a refusal and nothing is drawn.
function badge(step) {
  const box = document.createElement('div');
  box.className = 'likemann-step-count';
  box.style.cssText = 'background:#fff;border:1px solid #5470c6;border-radius:3px;padding:0 4px;font-size:11px;'
      + 'line-height:15px;white-space:nowrap;color:#333;box-shadow:0 1px 2px rgba(0,0,0,.15);';
  const lines = [];
  if (step.now) {
    lines.push('Nå: ' + step.now);
  }
  if (step.passedThisYear) {
    lines.push('I år: ' + step.passedThisYear);
  }
  box.textContent = lines.join(' · ');
  return box;
}

export default [{
  id: 'likemannDiagramCounts',
  pluginPoint: 'cockpit.processDefinition.diagram.plugin',
  priority: 10,
  render: (viewer, { processDefinitionId }) => {
    const key = String(processDefinitionId || '').split(':')[0];
    if (!key || !viewer || !viewer.get) {
      return;
    }
    fetch('/api/reports/process-counts/' + encodeURIComponent(key), { credentials: 'same-origin',
      headers: { Accept: 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then((response) => (response.ok ? response.json() : null))
      .then((steps) => {
        if (!steps) {
          return;
        }
        const overlays = viewer.get('overlays');
        const elements = viewer.get('elementRegistry');
        Object.entries(steps).forEach(([id, step]) => {
          const shape = elements.get(id);
          if (shape && !shape.waypoints) {
            overlays.add(id, 'likemann-step-count', { position: { bottom: -4, left: 0 }, html: badge(step) });
          }
        });
      })
      .catch(() => { /* the diagram stays as Cockpit draws it */ });
  }
}];
