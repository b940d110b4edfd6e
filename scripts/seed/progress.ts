// A progress bar on stderr: redrawn in place on a terminal, a line every ~10% otherwise (logs, CI).

export interface Progress {
  update(done: number, note?: string): void;
  finish(note?: string): void;
}

export function progressBar(total: number, label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = performance.now();
  let lastTenth = -1;
  let lastDraw = 0;
  const line = (done: number, note = '') => {
    const share = total === 0 ? 1 : done / total;
    const seconds = (performance.now() - started) / 1000;
    const rate = seconds > 0 ? Math.round(done / seconds) : 0;
    const width = 30;
    const filled = Math.round(share * width);
    return `${label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(share * 100).toFixed(0).padStart(3)}% ${done.toLocaleString('en-US')}/${total.toLocaleString('en-US')} ${rate.toLocaleString('en-US')}/s${note ? ` ${note}` : ''}`;
  };
  return {
    update(done, note) {
      if (stream.isTTY) {
        const now = performance.now();
        if (now - lastDraw < 100 && done < total) return;
        lastDraw = now;
        stream.write(`\r${line(done, note)}\x1b[K`);
        return;
      }
      const tenth = Math.floor((total === 0 ? 1 : done / total) * 10);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`${line(done, note)}\n`);
      }
    },
    finish(note) {
      if (stream.isTTY) stream.write(`\r${line(total, note)}\x1b[K\n`);
      else if (note) stream.write(`${label} ${note}\n`);
    },
  };
}
