import { describe, expect, it } from 'vitest';
import { isLoopbackHostHeader, isLoopbackName } from './loopback.ts';

describe('isLoopbackName', () => {
  it('accepts localhost, 127.0.0.0/8 and ::1', () => {
    for (const name of ['localhost', 'LOCALHOST', '127.0.0.1', '127.255.0.9', '::1', '0:0:0:0:0:0:0:1']) expect(isLoopbackName(name), name).toBe(true);
  });
  it('refuses every other name or address', () => {
    for (const name of ['', '0.0.0.0', '128.0.0.1', '10.0.0.1', '::', '::2', 'localhost.', 'app.localhost', 'localhost.example', '127.1', 'example.test']) {
      expect(isLoopbackName(name), name).toBe(false);
    }
  });
});

describe('isLoopbackHostHeader', () => {
  it('accepts a loopback host with or without a port, IPv6 in brackets', () => {
    for (const host of ['localhost', 'localhost:3000', '127.0.0.1:80', '[::1]', '[::1]:3000']) expect(isLoopbackHostHeader(host), host).toBe(true);
  });
  it('refuses other hosts, user info, bare IPv6, lists and a missing header', () => {
    for (const host of [
      undefined,
      '',
      'evil.example',
      'localhost:3000@evil.example',
      'evil@localhost',
      '::1',
      '[::1',
      '[localhost]',
      'localhost:',
      'localhost:123456',
      'localhost, evil.example',
      'localhost/x',
    ]) {
      expect(isLoopbackHostHeader(host), String(host)).toBe(false);
    }
  });
});
