import { Group, Text } from '@mantine/core';

/**
 * The workspace file's path, cut from the start when long so the file name stays visible.
 * The right-to-left box puts the ellipsis on the left; the path inside is isolated as
 * left-to-right so its leading "/" stays where it belongs.
 */
export function WorkspacePath({ path }: { path: string }) {
  return (
    <Group gap={6} wrap="nowrap" miw={0} style={{ flex: '0 1 auto' }}>
      <Text size="xs" c="dimmed" style={{ flexShrink: 0 }}>
        Workspace
      </Text>
      <Text
        size="xs"
        ff="monospace"
        c="gray.7"
        title={path}
        data-testid="workspace-path"
        style={{ direction: 'rtl', textAlign: 'left', overflow: 'hidden', whiteSpace: 'nowrap', textOverflow: 'ellipsis', minWidth: 0 }}
      >
        <bdi dir="ltr">{path}</bdi>
      </Text>
    </Group>
  );
}
