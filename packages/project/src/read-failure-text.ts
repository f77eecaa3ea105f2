import type { ReadFailure } from './read.js';
import type { FileType } from './walk.js';

type Pair = { zh: string; en: string };

/** What an entry on disk is, as a message names it. */
export const FILE_TYPE_NAMES: Readonly<Record<FileType, Pair>> = {
  fifo: { zh: '命名管道（FIFO）', en: 'a named pipe (FIFO)' },
  socket: { zh: '套接字（socket）', en: 'a socket' },
  'character-device': { zh: '字符设备（如 /dev/zero）', en: 'a character device (like /dev/zero)' },
  'block-device': { zh: '块设备', en: 'a block device' },
  directory: { zh: '文件夹', en: 'a folder' },
  file: { zh: '普通文件', en: 'a regular file' },
  other: { zh: '特殊文件', en: 'a special file' },
};

export const fileTypeName = (type: unknown): Pair => FILE_TYPE_NAMES[type as FileType] ?? FILE_TYPE_NAMES.other;

const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * Why a file was not read, as a clause for a sentence that names the file (the editor's "未检查 X：…",
 * a log line). The command line has whole sentences of its own with what to do (cli/src/messages.ts).
 */
export function readFailureReason(failure: ReadFailure): Pair {
  switch (failure.kind) {
    case 'missing':
      return { zh: '文件不存在（ENOENT）', en: 'no such file (ENOENT)' };
    case 'directory':
      return { zh: '这是一个文件夹（EISDIR）', en: 'it is a folder (EISDIR)' };
    case 'unreadable':
      return { zh: `无法读取（${failure.code}）`, en: `cannot be read (${failure.code})` };
    case 'not-regular': {
      const type = fileTypeName(failure.fileType);
      return { zh: `不是普通文件，而是${type.zh}，没有打开`, en: `not a regular file but ${type.en}; not opened` };
    }
    case 'dangling-link':
      return { zh: `符号链接指向的 ${failure.target} 不存在`, en: `a symbolic link to ${failure.target}, which does not exist` };
    case 'outside-link':
      return { zh: `符号链接指向文件夹 ${failure.folder} 之外的 ${failure.target}，没有读取`, en: `a symbolic link to ${failure.target}, outside ${failure.folder}; not read` };
    case 'too-large':
      return { zh: `有 ${mb(failure.size)}，超过读取上限 ${mb(failure.limit)}`, en: `${mb(failure.size)}, over the ${mb(failure.limit)} read limit` };
    case 'read-problem':
      return failure.message;
    case 'not-text':
      return { zh: '不是文本文件，也不是 nianbao 能读取的格式', en: 'neither text nor a format nianbao reads' };
  }
}
