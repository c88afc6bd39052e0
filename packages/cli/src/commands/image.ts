import { orThrow, validateImage } from "@guix-ts/core";
import { editDockerArchive, type Compression } from "@guix-ts/runner";
import { parseCommand } from "../args.js";
import { UsageError, report } from "../errors.js";
import { IMAGE_FLAGS, imageFromFlags } from "../image-flags.js";
import type { CommandIO } from "../io.js";

export const usage = `usage: guix-ts image edit INPUT OUTPUT [OPTION]...

Set in a Docker archive (as \`guix pack -f docker\` writes it) what guix pack cannot.
  --workdir DIR        the working directory (WorkingDir)
  --env K=V            an environment variable, added to the profile's (repeatable)
  --expose PORT[/PROTO] a port to expose, 80 or 53/udp (repeatable)
  --label K=V          a label (repeatable)
  --user USER          user[:group] to run as
  --volume DIR         a volume (repeatable)
  --cmd ARG            the default command's arguments, Cmd (repeatable, in order)
  --tag NAME[:TAG]     the image's name and tag (default: the archive's name, tag latest)
  --compression C      gzip, zstd, xz or none (default: the input's)
`;

const COMPRESSIONS = ["gzip", "zstd", "xz", "none"];

/** `guix-ts image edit`: exit 0, 1 when the archive cannot be edited, 2 on usage errors. */
export async function run(argv: readonly string[], io: CommandIO): Promise<number> {
  const parsed = parseCommand("image", argv, { ...IMAGE_FLAGS, compression: { type: "string" } }, usage, io);
  if (typeof parsed === "number") return parsed;
  try {
    const { values, positionals } = parsed;
    const [sub, input, output, ...extra] = positionals;
    if (sub !== "edit" || input === undefined || output === undefined || extra.length > 0)
      throw new UsageError("expected: image edit INPUT OUTPUT");
    if (values.compression !== undefined && !COMPRESSIONS.includes(values.compression))
      throw new UsageError(`unknown compression ${values.compression}; expected one of ${COMPRESSIONS.join(", ")}`);
    const image = orThrow(validateImage(imageFromFlags(values)));
    const result = await editDockerArchive(
      input,
      output,
      image,
      values.compression ? { compression: values.compression as Compression } : {},
    );
    io.stdout(`${output}: ${result.repoTag} (config ${result.config})\n`);
    return 0;
  } catch (error) {
    return report(error, "image", usage, io);
  }
}
