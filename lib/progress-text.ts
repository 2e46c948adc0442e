/** «Проверяется: 45 % из 99,87 МБ» — progress of one file, for the report page and the in-page panel. */
import { sizeText } from './checks/sstu-archive';

export function progressText(fraction: number, size: number): string {
  return `Проверяется: ${Math.floor(Math.min(1, Math.max(0, fraction)) * 100)} % из ${sizeText(size)}`;
}
