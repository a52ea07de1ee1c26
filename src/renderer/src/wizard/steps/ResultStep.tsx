import { Alert, Button, Center, Loader, Stack } from '@mantine/core';
import { useEffect } from 'react';
import { AssessmentResultView } from '../../assessments/AssessmentResultView';
import { useWizardStore } from '../wizard-store';

/** Step 7: the result of the answers so far, computed against the account's people, streams and data. */
export function ResultStep() {
  const { answers, orientationNotes, result, resultState, resultError, resultKey, evaluate } = useWizardStore();
  const currentKey = JSON.stringify({ answers, orientationNotes });

  useEffect(() => {
    if (resultKey !== currentKey && resultState !== 'loading') void evaluate();
  }, [currentKey]); // eslint-disable-line react-hooks/exhaustive-deps

  if (resultState === 'error') {
    return (
      <Alert color="red" variant="light" title="Couldn't compute the assessment">
        <Stack gap="xs" align="flex-start">
          {resultError}
          <Button size="xs" variant="default" onClick={() => void evaluate()}>
            Try again
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (!result || resultKey !== currentKey) {
    return (
      <Center py="xl">
        <Loader aria-label="Computing the assessment" />
      </Center>
    );
  }
  return <AssessmentResultView result={result} orientationNotes={orientationNotes} order={4} />;
}
