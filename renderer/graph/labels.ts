// Node labels on the canvas: sigma's placement with a white halo, so a name stays readable where
// it crosses links, and a ring around nodes the user pinned.
import type { NodeLabelDrawingFunction } from 'sigma/rendering';
import type { EdgeAttrs, NodeAttrs } from './reducers';

export const PIN_COLOR = '#212529';

export const drawNodeLabel: NodeLabelDrawingFunction<NodeAttrs, EdgeAttrs> = (ctx, data, settings) => {
  if ((data as { pinned?: boolean }).pinned) {
    ctx.beginPath();
    ctx.arc(data.x, data.y, data.size + 2, 0, 2 * Math.PI);
    ctx.lineWidth = 2;
    ctx.strokeStyle = PIN_COLOR;
    ctx.stroke();
  }
  if (!data.label) return;
  const size = settings.labelSize;
  ctx.font = `${settings.labelWeight} ${size}px ${settings.labelFont}`;
  const x = data.x + data.size + 3;
  const y = data.y + size / 3;
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3;
  ctx.strokeStyle = '#ffffff';
  ctx.strokeText(data.label, x, y);
  ctx.fillStyle = settings.labelColor.color ?? '#212529';
  ctx.fillText(data.label, x, y);
};
