import { useMutation } from '@tanstack/react-query';
import { ErrorAlert, LiveStatus } from '../../ui/Messages.tsx';
import { revealAccountNumber } from './service-queue-api.ts';

interface TRevealProps {
  number: string;
  /** As the server shows it everywhere: ••••6789. */
  masked: string;
  /** The server's answer: this viewer may see the number in clear. */
  canReveal: boolean;
}

/** The bank account number, masked; producer services can reveal it, and the server records that they did. */
export function RevealAccountNumber({ number, masked, canReveal }: TRevealProps) {
  const reveal = useMutation({ mutationFn: () => revealAccountNumber(number) });
  const revealed = reveal.data;
  return (
    <>
      <span className="account-number">{revealed ?? masked}</span>
      {canReveal && !revealed ? (
        <>
          {' '}
          <button type="button" className="button button-secondary button-small" disabled={reveal.isPending} onClick={() => reveal.mutate()}>
            Reveal account number
          </button>
        </>
      ) : null}
      {canReveal ? <LiveStatus>{revealed ? 'Account number revealed. The reveal is recorded in the audit log.' : null}</LiveStatus> : null}
      {reveal.error ? <ErrorAlert>{reveal.error.message}</ErrorAlert> : null}
    </>
  );
}
