// HyperFormula's ROUND family multiplies by 10^n and rounds the binary result (ROUND(1.005; 2) = 1,
// ROUND(0.285; 2) = 0,28); these replace it with Excel's results. Registered once per process.
import { FunctionArgumentType, FunctionPlugin, HyperFormula, type ImplementedFunctions } from 'hyperformula';
import { excelRound, type RoundMode } from './excel-round';

const parameters = [{ argumentType: FunctionArgumentType.NUMBER }, { argumentType: FunctionArgumentType.NUMBER, defaultValue: 0 }];

class ExcelRoundingPlugin extends FunctionPlugin {
  // HyperFormula does not export its AST and state types; they are read off runFunction.
  declare private readonly _types: {
    ast: { args: Parameters<ExcelRoundingPlugin['runFunction']>[0] };
    state: Parameters<ExcelRoundingPlugin['runFunction']>[1];
    result: ReturnType<ExcelRoundingPlugin['runFunction']>;
  };

  static override implementedFunctions: ImplementedFunctions = {
    ROUND: { method: 'round', parameters },
    ROUNDUP: { method: 'roundup', parameters },
    ROUNDDOWN: { method: 'rounddown', parameters },
  };
  static override aliases = { TRUNC: 'ROUNDDOWN' };

  round(ast: ExcelRoundingPlugin['_types']['ast'], state: ExcelRoundingPlugin['_types']['state']): ExcelRoundingPlugin['_types']['result'] {
    return this.rounding(ast, state, 'ROUND', 'half');
  }
  roundup(ast: ExcelRoundingPlugin['_types']['ast'], state: ExcelRoundingPlugin['_types']['state']): ExcelRoundingPlugin['_types']['result'] {
    return this.rounding(ast, state, 'ROUNDUP', 'up');
  }
  rounddown(ast: ExcelRoundingPlugin['_types']['ast'], state: ExcelRoundingPlugin['_types']['state']): ExcelRoundingPlugin['_types']['result'] {
    return this.rounding(ast, state, 'ROUNDDOWN', 'down');
  }

  private rounding(ast: ExcelRoundingPlugin['_types']['ast'], state: ExcelRoundingPlugin['_types']['state'], name: string, mode: RoundMode): ExcelRoundingPlugin['_types']['result'] {
    return this.runFunction(ast.args, state, this.metadata(name), (value: number, places: number) => excelRound(value, places, mode));
  }
}

let registered = false;

export function useExcelRounding(): void {
  if (registered) return;
  for (const name of ['ROUND', 'ROUNDUP', 'ROUNDDOWN', 'TRUNC']) HyperFormula.unregisterFunction(name);
  HyperFormula.registerFunctionPlugin(ExcelRoundingPlugin, { enGB: { ROUND: 'ROUND', ROUNDUP: 'ROUNDUP', ROUNDDOWN: 'ROUNDDOWN', TRUNC: 'TRUNC' } });
  registered = true;
}
