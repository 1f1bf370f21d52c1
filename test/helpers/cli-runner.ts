/** Runs the CLI in-process with captured output, as the CLI tests need it. */
import { runCli } from '../../cli/main';

export interface CliInput {
  /** What standard input holds (--password-stdin). */
  stdin?: string;
  /** Answers a terminal prompt, as a person typing would; absent: no terminal. */
  typed?: string;
}

export async function cli(args: string[], env: NodeJS.ProcessEnv = {}, input: CliInput = {}): Promise<{ code: number; stdout: string; stderr: string; prompts: string[] }> {
  let stdout = '';
  let stderr = '';
  const prompts: string[] = [];
  const code = await runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    env,
    readStdin: async () => input.stdin ?? '',
    ...(input.typed !== undefined
      ? {
          promptSecret: async (question: string) => {
            prompts.push(question);
            return input.typed!;
          },
        }
      : {}),
  });
  return { code, stdout, stderr, prompts };
}
