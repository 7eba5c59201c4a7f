// The e-mail footer of seed 003 (BK-7), in text and in HTML.
import { describe, expect, it } from 'vitest';
import { producerServicesHtml, producerServicesText } from './producer-services-fragment.ts';

describe('producer services e-mail footer', () => {
  it('lists the Major Medical number of each state, then the State Farm line and the no-reply note', () => {
    expect(producerServicesText()).toBe(
      [
        'If you have any questions regarding this notification, please contact Producer Services toll free at any of the following numbers:',
        'IL: (888) 313-5526',
        'MT: (855) 454-7109',
        'NM: (888) 222-0572',
        'OK: (888) 399-9394',
        'TX: (888) 697-0679',
        '',
        'State Farm agents - please call 1-844-250-8201 for assistance.',
        '',
        'NOTE: Any replies to this mail will not be received.',
      ].join('\n'),
    );
  });

  it('can list another line of business, leaving out states whose number the seed lost', () => {
    expect(producerServicesText({ line: 'medicare-advantage' })).toContain('OK: (877) 774-8592\n\nState Farm');
    expect(producerServicesText({ line: 'medicare-advantage' })).not.toMatch(/^(IL|MT|NM|TX):/m);
  });

  it('renders the same content as HTML with tel: links', () => {
    const out = producerServicesHtml();
    expect(out).toContain('<li>IL: <a href="tel:+18883135526">(888) 313-5526</a></li>');
    expect(out).toContain('<li>TX: <a href="tel:+18886970679">(888) 697-0679</a></li>');
    expect(out).toContain('State Farm agents - please call <a href="tel:+18442508201">1-844-250-8201</a> for assistance.');
    expect(out).toContain('<p>NOTE: Any replies to this mail will not be received.</p>');
    expect(out).not.toMatch(/<script|style=/);
    const text = out.replace(/<[^>]+>/g, '').replace(/\s+/g, ' ');
    expect(text).toContain('please contact Producer Services toll free at any of the following numbers:');
  });
});
