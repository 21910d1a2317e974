import { narrativeToText } from '../../../shared/narrative/render';
import { EXIT, type CliCommand } from '../command';

/** `ntm narrative`: the plan paragraphs generated from the document, ready to paste. */
export const narrativeCommand: CliCommand = {
  name: 'narrative',
  usage: 'narrative [--db FILE] [--year Y] [--plan ID]',
  flags: { db: 'string', year: 'number', plan: 'number' },
  async run({ flags, io, backend }) {
    const narrative = await (await backend()).dispatch('narrative.get', {
      year: flags.year as number | undefined,
      planId: flags.plan as number | undefined,
    });
    io.out(narrativeToText(narrative));
    return EXIT.ok;
  },
};
