import type { ExecuteCommandParams, ShowDocumentParams } from 'vscode-languageserver/node';
import { SELECT_COMMAND, isSelectArguments } from '../code-actions.js';
import type { Session } from './session.js';

/**
 * `workspace/executeCommand`: the one command, which selects a just-inserted suppression's reason (for
 * clients without snippet edits). Arguments come from the client and are checked before use.
 */
export function executeCommandHandler(session: Session, showDocument: (params: ShowDocumentParams) => Promise<unknown>): (params: ExecuteCommandParams) => Promise<null> {
  return async (params) => {
    if (params.command !== SELECT_COMMAND || !isSelectArguments(params.arguments)) return null;
    if (session.abilities.showDocument) {
      const [uri, selection] = params.arguments;
      await showDocument({ uri, selection, takeFocus: true });
    }
    return null;
  };
}
