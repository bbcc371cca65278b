/**
 * Start-up progress as plain lines (no spinners or cursor tricks), so it reads the same in a terminal,
 * a CI log or a file. Colours only when stdout is a terminal.
 */
export class Progress {
  private readonly started = Date.now();
  private readonly colour = process.stdout.isTTY === true && !process.env.NO_COLOR;

  private paint(code: number, text: string): string {
    return this.colour ? `\u001b[${code}m${text}\u001b[0m` : text;
  }

  /** Runs one step, printing when it starts and how long it took. */
  async step<T>(label: string, work: () => Promise<T>): Promise<T> {
    const begun = Date.now();
    console.log(`${this.paint(36, '…')} ${label}`);
    try {
      const result = await work();
      console.log(`${this.paint(32, '✔')} ${label} ${this.paint(2, `(${seconds(Date.now() - begun)})`)}`);
      return result;
    } catch (error) {
      console.log(`${this.paint(31, '✖')} ${label}`);
      throw error;
    }
  }

  info(line: string): void {
    console.log(`  ${line}`);
  }

  heading(line: string): void {
    console.log(`\n${this.paint(1, line)}`);
  }

  /** Once every catalog file is processed: how many play, how many failed, and when since start. */
  mediaProcessed(tally: { readonly ready: number; readonly failed: number }): void {
    const mark = tally.failed > 0 ? this.paint(33, '!') : this.paint(32, '✔');
    console.log(
      `${mark} Catalog media processed: ${tally.ready} files READY, ${tally.failed} FAILED ` +
        `(${this.elapsed()} after start)`,
    );
  }

  elapsed(): string {
    return seconds(Date.now() - this.started);
  }
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)}s`;
}
