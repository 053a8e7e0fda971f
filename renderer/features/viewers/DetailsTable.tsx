import { Table } from '@mantine/core';

/** Label/value rows for technical metadata; rows without a value are left out. */
export type DetailRow = readonly [label: string, value: string | undefined];

export function DetailsTable({ rows, label }: { rows: readonly DetailRow[]; label: string }) {
  const shown = rows.filter((row): row is readonly [string, string] => row[1] !== undefined);
  if (shown.length === 0) return null;
  return (
    <Table aria-label={label} withRowBorders={false} verticalSpacing={2} fz="sm">
      <Table.Tbody>
        {shown.map(([name, value], index) => (
          <Table.Tr key={`${index}:${name}`}>
            <Table.Th scope="row" fw={500} c="dimmed" w="40%">
              {name}
            </Table.Th>
            <Table.Td>{value}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
