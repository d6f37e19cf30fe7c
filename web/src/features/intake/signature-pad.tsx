/**
 * A signature pad for the counter: the customer draws with a finger, a pen or the mouse
 * (pointer events), and the drawing becomes a PNG data URL. Keyboard users type their name
 * instead (the form beside it); the pad is an addition, never the only way.
 */
import { Button, Group, Stack, Text } from "@mantine/core";
import { type PointerEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";

const WIDTH = 480;
const HEIGHT = 160;

export function SignaturePad(props: { onChange: (dataUrl: string | null) => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const last = useRef<{ x: number; y: number } | null>(null);
  const [signed, setSigned] = useState(false);

  const point = (e: PointerEvent<HTMLCanvasElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return {
      x: ((e.clientX - box.left) * WIDTH) / box.width,
      y: ((e.clientY - box.top) * HEIGHT) / box.height,
    };
  };
  const draw = (to: { x: number; y: number }) => {
    const context = canvas.current?.getContext("2d");
    const from = last.current;
    if (!context || !from) return;
    context.strokeStyle = "#1a1b1e";
    context.lineWidth = 2.5;
    context.lineCap = "round";
    context.lineJoin = "round";
    context.beginPath();
    context.moveTo(from.x, from.y);
    context.lineTo(to.x, to.y);
    context.stroke();
    last.current = to;
  };
  const end = () => {
    if (!last.current) return;
    last.current = null;
    setSigned(true);
    props.onChange(canvas.current?.toDataURL("image/png") ?? null);
  };
  const clear = () => {
    const c = canvas.current;
    c?.getContext("2d")?.clearRect(0, 0, WIDTH, HEIGHT);
    setSigned(false);
    props.onChange(null);
  };

  return (
    <Stack gap={4}>
      <Text size="sm" fw={500}>
        {t("intake.detail.signHere")}
      </Text>
      <canvas
        ref={canvas}
        width={WIDTH}
        height={HEIGHT}
        data-testid="signature-pad"
        role="img"
        aria-label={t("intake.detail.signaturePad")}
        style={{
          width: "100%",
          maxWidth: WIDTH,
          aspectRatio: `${WIDTH} / ${HEIGHT}`,
          border: "1px dashed var(--mantine-color-gray-5)",
          borderRadius: 4,
          touchAction: "none",
          background: "white",
          cursor: "crosshair",
        }}
        onPointerDown={(e) => {
          e.currentTarget.setPointerCapture(e.pointerId);
          last.current = point(e);
          // A dot for a tap.
          draw({ x: last.current.x + 0.5, y: last.current.y + 0.5 });
        }}
        onPointerMove={(e) => {
          if (last.current) draw(point(e));
        }}
        onPointerUp={end}
        onPointerCancel={end}
      />
      <Group gap="xs">
        <Button size="compact-sm" variant="default" onClick={clear} disabled={!signed}>
          {t("intake.detail.clearSignature")}
        </Button>
        <Text size="xs" c="dimmed">
          {t("intake.detail.signOrType")}
        </Text>
      </Group>
    </Stack>
  );
}
