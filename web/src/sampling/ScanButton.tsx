import { CameraOutlined } from '@ant-design/icons';
import { Button, Modal } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** The parts of the Shape Detection API's BarcodeDetector used here (not in TypeScript's DOM lib). */
interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: HTMLVideoElement): Promise<DetectedBarcode[]>;
}
type BarcodeDetectorConstructor = new () => BarcodeDetectorLike;

function detectorClass(): BarcodeDetectorConstructor | undefined {
  return (window as unknown as { BarcodeDetector?: BarcodeDetectorConstructor }).BarcodeDetector;
}

/**
 * A camera scan for phones without a keyboard-wedge scanner; shown only where the browser has a
 * BarcodeDetector. Calls `onScan` with the first code read.
 */
export function ScanButton({ onScan, testId }: { onScan: (value: string) => void; testId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const Detector = detectorClass();

  useEffect(() => {
    if (!open || !Detector) return;
    let stream: MediaStream | undefined;
    let stopped = false;
    const detector = new Detector();
    const loop = async () => {
      if (stopped || !video.current) return;
      const codes = await detector.detect(video.current).catch(() => []);
      const first = codes[0]?.rawValue;
      if (first) {
        onScan(first);
        setOpen(false);
        return;
      }
      window.setTimeout(() => void loop(), 250);
    };
    void navigator.mediaDevices
      .getUserMedia({ video: { facingMode: 'environment' } })
      .then(async (media) => {
        stream = media;
        if (!video.current || stopped) return;
        video.current.srcObject = media;
        await video.current.play();
        void loop();
      })
      .catch(() => setOpen(false));
    return () => {
      stopped = true;
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [open, Detector, onScan]);

  if (!Detector) return null;
  return (
    <>
      <Button
        icon={<CameraOutlined />}
        onClick={() => setOpen(true)}
        data-testid={testId}
        aria-label={t('sampling.scan')}
      />
      <Modal
        open={open}
        title={t('sampling.scanTitle')}
        onCancel={() => setOpen(false)}
        footer={null}
        destroyOnHidden
      >
        <video ref={video} style={{ width: '100%' }} muted playsInline />
      </Modal>
    </>
  );
}
